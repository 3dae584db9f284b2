/**
 * "Choose files…" / "Choose a folder…": the browser's own pickers (hidden inputs), for what is
 * not under an allowed root. What they give is uploaded like a drop.
 */
import { useRef } from 'react';
import { pickedFromInput } from './dropEntries.js';
import { uploadPicked } from './uploadPicked.js';

export function UploadButtons({ disabled }: { disabled: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const onPicked = (input: HTMLInputElement) => {
    const picked = pickedFromInput([...(input.files ?? [])]);
    input.value = ''; // the same file can be chosen again
    if (picked.length) void uploadPicked(picked);
  };
  return (
    <div className="import-upload">
      <button type="button" disabled={disabled} onClick={() => files.current?.click()}>
        Choose files…
      </button>
      <button type="button" disabled={disabled} onClick={() => folder.current?.click()}>
        Choose a folder…
      </button>
      <span className="muted">
        or drop folders and files anywhere on the window: they are uploaded, then imported.
      </span>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="import-file-input"
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <input
        ref={(el) => {
          folder.current = el;
          // Not in React's attribute list: set it on the element.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="import-folder-input"
        onChange={(e) => onPicked(e.currentTarget)}
      />
    </div>
  );
}
