// The coach's own document templates. Every file is checked before it is stored, so a refused
// import leaves the stored templates exactly as they were. At most one template per kind is in
// use; with none, exports use the bundled template. The checker loads on first use, not at start-up.
import { storedTemplateSchema, type StoredTemplate, type TemplateKind } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { FollowthroughDatabase } from './database';
import { validated, type Clock } from './write';

export function templatesRepository(db: FollowthroughDatabase, now: Clock) {
  /** Whether the file may be stored at all, and whether it can be filled as it is (`ready`). */
  async function check(
    kind: TemplateKind,
    name: string,
    data: Uint8Array,
  ): Promise<Result<{ problem: string | null }>> {
    const { checkTemplateFile, readinessProblem } = await import('../documents/inspect-template');
    const opened = checkTemplateFile(data, kind, name);
    return opened.ok ? ok({ problem: readinessProblem(opened.value.report) }) : opened;
  }

  async function use(template: StoredTemplate): Promise<void> {
    const others = await db.templates.where('kind').equals(template.kind).toArray();
    for (const other of others) {
      if (other.active && other.id !== template.id)
        await db.templates.update(other.id, { active: false, updatedAt: now() });
    }
    await db.templates.put(template);
  }

  return {
    /** Checks and stores a file; a template that can be filled as it is is used from now on. */
    async import(kind: TemplateKind, name: string, data: Uint8Array): Promise<Result<StoredTemplate>> {
      const checked = await check(kind, name, data);
      if (!checked.ok) return checked;
      const at = now();
      const template = validated(storedTemplateSchema, {
        id: crypto.randomUUID(),
        kind,
        name,
        data,
        active: checked.value.problem === null,
        createdAt: at,
        updatedAt: at,
      });
      await db.transaction('rw', db.templates, async () => {
        if (template.active) await use(template);
        else await db.templates.add(template);
      });
      return ok(template);
    },

    /** A new version of a stored template; it stays in use only if the new version can be filled. */
    async replace(id: string, name: string, data: Uint8Array): Promise<Result<StoredTemplate>> {
      const current = await db.templates.get(id);
      if (!current) return fail('That template no longer exists.');
      const checked = await check(current.kind, name, data);
      if (!checked.ok) return checked;
      const next = validated(storedTemplateSchema, {
        ...current,
        name,
        data,
        active: current.active && checked.value.problem === null,
        updatedAt: now(),
      });
      await db.templates.put(next);
      return ok(next);
    },

    /** Uses a stored template for its kind, or the bundled one when `id` is null. */
    async choose(kind: TemplateKind, id: string | null): Promise<Result<null>> {
      if (id === null) {
        await db.templates.where('kind').equals(kind).modify({ active: false, updatedAt: now() });
        return ok(null);
      }
      const template = await db.templates.get(id);
      if (!template || template.kind !== kind) return fail('That template no longer exists.');
      const checked = await check(kind, template.name, template.data);
      if (!checked.ok) return checked;
      if (checked.value.problem) return fail(checked.value.problem);
      await db.transaction('rw', db.templates, () => use({ ...template, active: true, updatedAt: now() }));
      return ok(null);
    },

    remove: (id: string) => db.templates.delete(id),

    get: (id: string) => db.templates.get(id),

    /** The stored templates of one kind, newest first. */
    async list(kind: TemplateKind): Promise<StoredTemplate[]> {
      const templates = await db.templates.where('kind').equals(kind).toArray();
      return templates.sort((a, b) => b.createdAt - a.createdAt);
    },

    /** The template in use for `kind`, or undefined when the bundled one is. */
    async inUse(kind: TemplateKind): Promise<StoredTemplate | undefined> {
      return (await db.templates.where('kind').equals(kind).toArray()).find((template) => template.active);
    },
  };
}

export type TemplatesRepository = ReturnType<typeof templatesRepository>;
