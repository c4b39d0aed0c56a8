// Fills the {slot} templates with one participant's world, so their sessions read as one story.
import type { Random } from './random';
import { raciDecisions } from './record-text';
import { artifacts, metrics, rituals, weekdays } from './session-text';

export type Voice = {
  name: string;
  team: string;
  teammates: readonly string[];
  stakeholders: readonly string[];
  tool: string;
};

function slotValue(random: Random, slot: string, voice: Voice, teammates: readonly string[]): string {
  switch (slot) {
    case 'name':
      return voice.name;
    case 'team':
      return voice.team;
    case 'tool':
      return voice.tool;
    case 'teammate':
      return teammates[0];
    case 'teammate2':
      return teammates[1];
    case 'stakeholder':
      return random.pick(voice.stakeholders);
    case 'ritual':
      return random.pick(rituals);
    case 'artifact':
      return random.pick(artifacts);
    case 'decision':
      return random.pick(raciDecisions);
    case 'metric':
      return random.pick(metrics);
    case 'day':
      return random.pick(weekdays);
    case 'percent':
      return String(random.int(2, 14) * 5);
    case 'weeks':
      return String(random.int(2, 8));
    case 'number':
      return String(random.int(2, 6));
    default:
      throw new Error(`Unknown slot {${slot}} in a dataset template`);
  }
}

export function fill(random: Random, template: string, voice: Voice): string {
  // Two different teammates per sentence, so "{teammate} and {teammate2}" never names one person twice.
  const first = random.int(0, voice.teammates.length - 1);
  const second = (first + random.int(1, voice.teammates.length - 1)) % voice.teammates.length;
  const teammates = [voice.teammates[first], voice.teammates[second]];
  const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => slotValue(random, slot, voice, teammates));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Between `min` and `max` different sentences from `templates`, joined into one paragraph. */
export function paragraph(
  random: Random,
  templates: readonly string[],
  min: number,
  max: number,
  voice: Voice,
): string {
  return random
    .sample(templates, random.int(min, max))
    .map((template) => fill(random, template, voice))
    .join(' ');
}
