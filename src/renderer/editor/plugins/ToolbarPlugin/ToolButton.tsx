import { Button } from 'antd';
import type { ReactNode } from 'react';

interface ToolButtonProps {
  label: string;
  /** The shortcut as shown on this platform ("Ctrl+B", "⌘B"), added to the title. */
  shortcut?: string | undefined;
  /** For toggles: whether the format or block is on at the caret. Absent for actions. */
  pressed?: boolean | undefined;
  disabled?: boolean | undefined;
  icon: ReactNode;
  onClick: () => void;
  /** "{label}（{shortcut}）" in the editor's language. */
  withShortcut: (label: string, shortcut: string) => string;
}

/**
 * A toolbar button: an icon with its name as accessible name and title (with its shortcut),
 * aria-pressed for toggles. It does not take focus from the text on mouse down, so the
 * selection it acts on stays visible.
 */
export function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  icon,
  onClick,
  withShortcut,
}: ToolButtonProps) {
  return (
    <Button
      type="text"
      className="pd-ed-tool"
      data-toolbar-item=""
      icon={icon}
      aria-label={label}
      title={shortcut ? withShortcut(label, shortcut) : label}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      disabled={disabled ?? false}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    />
  );
}
