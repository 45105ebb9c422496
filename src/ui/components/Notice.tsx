import { Text } from 'ink';

/** A store problem (a corrupt file set aside) shown above a screen, in full: it says where the file went. */
export function Notice({ text }: { text?: string }) {
  return text ? <Text color="yellow">{text}</Text> : null;
}
