/**
 * The history line written when a signal goes on a meeting's agenda without a comment of its own.
 * It records where the signal went, not what anyone thinks of it, so the brief leaves it out of
 * the team's interpretation (the brief is that meeting's brief anyway).
 */
export function agendaNote(meeting: { title: string; date: string }): string {
  return `Op de agenda van ${meeting.title} (${meeting.date})`;
}

export function isAgendaNote(comment: string): boolean {
  return /^Op de agenda van [\s\S]+ \(\d{4}-\d{2}-\d{2}\)$/.test(comment);
}
