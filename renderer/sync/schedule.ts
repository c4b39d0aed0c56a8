// The weekly sync slot (a weekday and a time, in the coach's local time). A slot missed because
// the app was closed or asleep is caught up at the next start.
import { addWeeks, set, setDay, subWeeks } from 'date-fns';
import { z } from 'zod';

export const weeklyScheduleSchema = z.object({
  enabled: z.boolean(),
  /** 0 is Sunday, as in Date.getDay(). */
  weekday: z.number().int().min(0).max(6),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 16:00'),
});
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

export const defaultSchedule: WeeklySchedule = { enabled: true, weekday: 5, time: '16:00' };

/** A time as the coach typed it, in the schedule's form: "9:30" and " 09:30 " are "09:30". */
export const typedTime = (text: string) => text.trim().replace(/^(\d)(?=:)/, '0$1');

/** The most recent slot at or before `now`. */
export function latestSlotAtOrBefore(schedule: WeeklySchedule, now: number): number {
  const [hours, minutes] = schedule.time.split(':').map(Number);
  const thisWeek = set(setDay(now, schedule.weekday), { hours, minutes, seconds: 0, milliseconds: 0 });
  return (thisWeek.getTime() > now ? subWeeks(thisWeek, 1) : thisWeek).getTime();
}

export function nextSlotAfter(schedule: WeeklySchedule, now: number): number {
  return addWeeks(latestSlotAtOrBefore(schedule, now), 1).getTime();
}

/** True when a slot has passed since the last run that reached the upstream. */
export function isScheduledRunDue(schedule: WeeklySchedule, lastCompletedRunAt: number | null, now: number): boolean {
  if (!schedule.enabled) return false;
  return lastCompletedRunAt === null || lastCompletedRunAt < latestSlotAtOrBefore(schedule, now);
}
