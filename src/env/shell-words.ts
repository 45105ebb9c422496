// Splits a command line the way a POSIX shell splits words: quotes, backslash escapes, and the operators
// && || ; | as words of their own. Linear in the input; an unbalanced quote is an error, not a guess.

export type ShellWords = { ok: true; words: string[] } | { ok: false; error: string; at: number };

export const SHELL_OPERATORS = ['&&', '||', ';', '|'];

export function shellWords(text: string): ShellWords {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: "a single quote (') is not closed", at: i };
      word += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) {
          word += text[j + 1];
          j += 2;
        } else if (text[j] === '"') {
          closed = true;
          break;
        } else word += text[j++];
      }
      if (!closed) return { ok: false, error: 'a double quote (") is not closed', at: i };
      inWord = true;
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < text.length && text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === '&' && text[i + 1] === '&') {
      end();
      words.push('&&');
      i += 2;
    } else if (c === '|') {
      end();
      const op = text[i + 1] === '|' ? '||' : '|';
      words.push(op);
      i += op.length;
    } else if (c === ';') {
      end();
      words.push(';');
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  end();
  return { ok: true, words };
}
