export const CD_MATRIX = /^CD[0-9]+_[0-9]+$/;
export const CDELT = /^CDELT[0-9]+$/;

export const CELESTIAL = /^(RA--|DEC-|GLON|GLAT|ELON|ELAT)/;
export const WCS = /^(CTYPE|CRVAL|CRPIX|CDELT|CUNIT)[0-9]+$|^(CD|PC)[0-9]+_[0-9]+$/;
