import { Text } from 'ink';
import { helpBar, type KeyId } from '../keys.js';

export function Footer({ keys, labels }: { keys: KeyId[]; labels?: Partial<Record<KeyId, string>> }) {
  return (
    <Text dimColor wrap="truncate-end">
      {helpBar(keys, labels)}
    </Text>
  );
}
