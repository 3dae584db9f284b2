/** Pretty-printed JSON as text (never HTML) with a copy button. */
import { useState } from 'react';
import { prettyJson } from './format.js';

export function JsonView({ value, label }: { value: unknown; label: string }) {
  const text = prettyJson(value);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="json-view" data-label={label}>
      <pre aria-label={label}>{text}</pre>
      <button type="button" className="copy" onClick={copy} aria-label={`Copy ${label}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
