// Short-lived messages at the bottom of the window, optionally with one action such as Undo.
import { create } from 'zustand';

type Toast = { id: number; message: string; actionLabel?: string; onAction?: () => void };

type ToastState = { toasts: Toast[] };

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;
const TOAST_MS = 8_000;

function dismissToast(id: number): void {
  useToasts.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
}

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  useToasts.setState((state) => ({ toasts: [...state.toasts, { ...toast, id }] }));
  setTimeout(() => dismissToast(id), TOAST_MS);
}

export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.message}</span>
          {toast.actionLabel && (
            <button
              type="button"
              className="link"
              onClick={() => {
                dismissToast(toast.id);
                toast.onAction?.();
              }}
            >
              {toast.actionLabel}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
