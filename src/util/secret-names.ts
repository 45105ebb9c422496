// Whether a variable's name says its value is a secret (PASSWORD, TOKEN, API_KEY...): the one test used by
// the rules, the converter, the draft store and the REPL's masking.

const SECRET_WORDS = [
  'PASSWORD',
  'PASSWD',
  'PWD',
  'SECRET',
  'TOKEN',
  'KEY',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CONNECTIONSTRING',
];

export function looksSecret(name: string): boolean {
  const words = name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return (
    words.some((w) => SECRET_WORDS.includes(w)) ||
    /(PASSWORD|SECRET|APIKEY|ACCESSKEY)/.test(name.toUpperCase().replace(/[^A-Z]/g, ''))
  );
}
