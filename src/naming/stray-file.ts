/** Files that editors and operating systems leave behind; the stray-file rule reports them. */
export const STRAY_FILE =
  /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*|.*~|\.#.*|#.*#|.*\.(swp|swo|bak|orig|tmp))$/i;
