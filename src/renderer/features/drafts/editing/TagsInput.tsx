import { Select } from 'antd';

/** Keywords or tags: typed, separated by Enter, commas or 、; at most 20 of at most 30 characters. */
export function TagsInput({
  id,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  value: string[];
  onChange(tags: string[]): void;
  placeholder?: string | undefined;
}) {
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      placeholder={placeholder}
      tokenSeparators={[',', '，', '、', ';', '；']}
      open={false}
      onChange={(tags: string[]) =>
        onChange(
          tags
            .map((k) => k.trim())
            .filter((k) => k.length > 0 && k.length <= 30)
            .slice(0, 20),
        )
      }
    />
  );
}
