import type { ReactNode } from 'react';
import { useCommand } from '../../components/use-command';
import { startSession } from './start-session';

/** Starts a draft session with one participant: a double-click still makes one. */
export function StartSessionButton({
  participantId,
  className,
  children,
}: {
  participantId: string;
  className?: string;
  children: ReactNode;
}) {
  const command = useCommand(() => startSession(participantId));
  return (
    <button type="button" className={className} {...command.buttonProps}>
      {children}
    </button>
  );
}
