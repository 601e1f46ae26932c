// Text from a user's data (a profile, a page, an XLIFF file) printed to a terminal: control
// characters are shown escaped, so a profile cannot move the cursor, recolour the screen,
// rewrite a line already printed or hide part of a message (ANSI escape sequences,
// carriage returns, bidirectional overrides).

// C0 controls but none, DEL and C1, and the invisible characters that reorder or hide text.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** `text` with every control character written as `\xNN` or `\uNNNN`. @param {string} text */
export function printable(text) {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** console.log, .warn and .error for one line of a command's own, which may quote data: a line break in the data is escaped too, so it cannot start a line that looks like the command's. */
export const say = {
  /** @param {string} line */ log: (line) => {
    console.log(printable(line));
  },
  /** @param {string} line */ warn: (line) => {
    console.warn(printable(line));
  },
  /** @param {string} line */ error: (line) => {
    console.error(printable(line));
  },
};

/**
 * Text the command wrote itself (its help, its usage, a table's rules), several lines, printed as
 * it is. Never with data in it: a file's, a page's or an argument's text goes through `say`.
 */
export const own = {
  /** @param {string} text */ log: (text) => {
    console.log(text);
  },
  /** @param {string} text */ error: (text) => {
    console.error(text);
  },
};
