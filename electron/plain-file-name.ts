// A suggested name may come from a coachee's name: keep it a plain file name, never a path.
export function plainFileName(suggestedName: string): string {
  return suggestedName.replace(/[\\/:*?"<>|\0]/g, '-').replace(/^\.+/, '') || 'export';
}
