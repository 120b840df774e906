/**
 * A street office 街道: it owns communities and oversees them (DESIGN §1). Its codes are the first 9 digits of
 * the GB/T 30428.1 unit-grid code its communities' grids carry (6-digit administrative area + 3-digit street).
 */
export interface Street {
  _id: string;
  name: string;
  city: string;
  district: string;
  /** 6-digit administrative division code of the district (GB/T 2260), e.g. 620103 七里河区. */
  areaCode: string;
  /** 3-digit street code within the district. */
  streetCode: string;
  /** The street office's staff: they see and set up every community of the street. */
  officeUserIds: string[];
  createdAt: string;
}
