/** Caps on every picture the kiosk accepts (pack illustrations, admin uploads, the clinic logo). */
export const MAX_PICTURE_BYTES = 2 * 1024 * 1024;
/** Largest picture in pixels (width x height), and per side. */
export const MAX_PICTURE_PIXELS = 16_777_216;
export const MAX_PICTURE_SIDE = 8192;
