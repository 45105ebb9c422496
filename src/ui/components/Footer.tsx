import { Text } from 'ink';
import { helpBar, type KeyId } from '../keys.js';

export function Footer({ keys, labels }: { keys: KeyId[]; labels?: Partial<Record<KeyId, string>> }) {
  return (
    // Wraps rather than cuts: the keys that work are always all shown.
    <Text dimColor wrap="wrap">
      {helpBar(keys, labels)}
    </Text>
  );
}
