// Who may change a record through an exchange package. Every record names
// the installation that made it and, for case records, the district that
// owns it (owner_installation_id, owner_district_id). A package comes from
// one installation (its sender) and is either:
// - a district package: a CSP's own reviews, recommendations, decisions and
//   updates for its district; or
// - a countywide package: the countywide DHR group's whole store, which
//   relays every district's latest records back to every installation.
//
// A package's copy of a record replaces this store's copy only when it is
// newer (updated_at) AND the sender owns the record here:
// - a district package owns the records of its district, and the
//   district-less records (lists, countywide records) its installation made;
// - a countywide package owns what its installation made, and relays what
//   other places made; but never what belongs to the importing
//   installation (records it made, or records of its own district, the
//   "my district" setting): those change only here.
// So edits from different places never overwrite each other: a district's
// decisions change only through that district's own package (or its own
// screen), and nobody's package overwrites what the importer owns. New
// records are always added; ownership only decides updates. The owner
// columns themselves never change through a package.

export interface RecordOwner {
  ownerInstallationId: string;
  ownerDistrictId: string | null;
}

export interface PackageSender {
  installationId: string;
  /** For a district package: that district's id in this store. null for a countywide package. */
  districtId: string | null;
}

export interface Importer {
  installationId: string;
  /** This installation's own district ("My district"), or null */
  districtId: string | null;
}

export type OwnershipVerdict = { ok: true } | { ok: false; why: 'other_district' | 'not_sender' | 'importer_district' | 'importer_record' };

export function senderMayChange(local: RecordOwner, sender: PackageSender, importer: Importer): OwnershipVerdict {
  if (sender.districtId !== null) {
    if (local.ownerDistrictId === sender.districtId) return { ok: true };
    if (local.ownerDistrictId === null && local.ownerInstallationId === sender.installationId) return { ok: true };
    return { ok: false, why: local.ownerDistrictId === null ? 'not_sender' : 'other_district' };
  }
  if (importer.districtId !== null && local.ownerDistrictId === importer.districtId) return { ok: false, why: 'importer_district' };
  if (local.ownerInstallationId === importer.installationId && local.ownerInstallationId !== sender.installationId) return { ok: false, why: 'importer_record' };
  return { ok: true };
}
