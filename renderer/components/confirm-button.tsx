import { useState, type ReactNode } from 'react';

/** A destructive button that asks once: the first press arms it, the second within 4 s acts. */
export function ConfirmButton({
  children,
  confirmLabel,
  onConfirm,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [armed, setArmed] = useState(false);
  return (
    <button
      type="button"
      className="danger"
      onClick={() => {
        if (armed) {
          setArmed(false);
          onConfirm();
          return;
        }
        setArmed(true);
        setTimeout(() => setArmed(false), 4_000);
      }}
      onBlur={() => setArmed(false)}
    >
      {armed ? confirmLabel : children}
    </button>
  );
}
