// The one contract between the renderer and the main process: every channel's name, the zod
// schemas of its argument and result, and the PlatformApi type that the preload bridge and the
// web adapter both implement.
import { z } from 'zod';
import type { Result } from './result';
import { backupFileSchema, backupKinds, backupNameSchema, MAX_BACKUP_BYTES } from './backup-files';
import { fileDropWeekSchema, isFileDropName, MAX_FILE_DROP_BYTES } from './file-drop-files';
import { CLEARTEXT_UPSTREAM_MESSAGE, isEncryptedOrLocal } from './upstream-url';

const bytes = z.instanceof(Uint8Array);
const backupBytes = bytes.refine(
  (data) => data.length > 0 && data.length <= MAX_BACKUP_BYTES,
  `A backup holds 1 byte to ${MAX_BACKUP_BYTES / 1024 / 1024} MB`,
);

/** Mail servers refuse most messages over 25 MB of attachments, which base64 makes about a third larger. */
const MAX_MAIL_DRAFT_BYTES = 30 * 1024 * 1024;

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

const bundledTemplateNames = [
  '1to1-GROW-Checklist.docx',
  'Accountability-Contract.xlsx',
  'Measurement-Fields-Config.csv',
  'Session-Summary.docx',
] as const;
export type BundledTemplateName = (typeof bundledTemplateNames)[number];

const fileDropBytes = bytes.refine(
  (data) => data.length <= MAX_FILE_DROP_BYTES,
  `A file drop file holds at most ${MAX_FILE_DROP_BYTES / 1024 / 1024} MB`,
);
const fileDropName = z.string().refine(isFileDropName, 'Not the name of a file drop file');

/** Where the file drop goes: a folder the coach chose once (desktop), or the browser's downloads. */
const fileDropTargetSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('downloads') }),
  z.object({
    target: z.literal('folder'),
    /** Null until the coach chooses one. */
    folder: z.string().nullable(),
    /** Why the folder cannot be written to now (missing, read-only), in words for the coach. */
    problem: z.string().nullable(),
    lastWritten: z.object({ at: z.number().int().nonnegative(), names: z.array(fileDropName).length(2) }).nullable(),
  }),
]);

export const secretKeySchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'Secret keys are short lowercase names');

/** Where clicking a notification takes the coach: a screen of the app and, for some, a record on it. */
export const notificationTargetSchema = z.object({
  section: z.enum(['today', 'sessions']),
  id: z.uuid().nullable(),
});
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;

/** granted: notifications show; default: not asked yet (web); denied: blocked; unsupported: the system has none. */
export const notificationPermissions = ['granted', 'default', 'denied', 'unsupported'] as const;
export type NotificationPermission = (typeof notificationPermissions)[number];

const upstreamUrl = z
  .url({ protocol: /^https?$/, error: 'Only http and https addresses can be reached' })
  .refine(isEncryptedOrLocal, CLEARTEXT_UPSTREAM_MESSAGE);

export const channels = {
  appInfo: {
    channel: 'app:info',
    input: z.undefined(),
    output: z.object({ name: z.string(), version: z.string(), platform: z.string(), desktop: z.boolean() }),
  },
  saveFile: {
    channel: 'files:save',
    input: z.object({
      suggestedName: z.string().min(1).max(255),
      data: bytes,
      filters: z.array(fileFilter).max(10),
    }),
    /** `path` is null when the coach cancelled the dialog or the platform has no paths (web). */
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * A mail draft (.eml) for the coach to send: opened in their mail app on desktop (from a folder
   * of drafts in the system's temporary folder), downloaded on the web. `path` is null on the web.
   */
  openMailDraft: {
    channel: 'files:open-mail-draft',
    input: z.object({
      fileName: z
        .string()
        .min(5)
        .max(255)
        .regex(/\.eml$/, 'A mail draft is an .eml file'),
      data: bytes.refine(
        (data) => data.length > 0 && data.length <= MAX_MAIL_DRAFT_BYTES,
        'A mail draft holds 1 byte to 30 MB',
      ),
    }),
    output: z.object({ path: z.string().nullable() }),
  },
  showInFolder: {
    channel: 'files:show-in-folder',
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: z.boolean(),
  },
  readTemplate: {
    channel: 'templates:read',
    input: z.object({ name: z.enum(bundledTemplateNames) }),
    output: bytes,
  },
  networkStatus: {
    channel: 'network:status',
    input: z.undefined(),
    output: z.object({ online: z.boolean() }),
  },
  /** An HTTP request to the configured upstream; on desktop it goes through the main process, to that upstream only. */
  httpRequest: {
    channel: 'network:request',
    input: z.object({
      url: upstreamUrl,
      method: z.enum(['GET', 'POST', 'PUT']),
      headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(8192)),
      body: z
        .string()
        .max(20 * 1024 * 1024)
        .nullable(),
      timeoutMs: z.number().int().min(100).max(120_000),
    }),
    /** Redirects are not followed; status 0 is one the browser does not disclose. */
    output: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string() }),
  },
  /**
   * Whether anything answers at the upstream's address: any HTTP answer counts, even an error
   * status; only a failed connection or no answer within `timeoutMs` does not.
   */
  checkReachable: {
    channel: 'network:check-reachable',
    input: z.object({ url: upstreamUrl, timeoutMs: z.number().int().min(100).max(30_000) }),
    output: z.object({ reachable: z.boolean() }),
  },
  /**
   * Sets the upstream saved in Sync settings (null: none): on desktop, the one origin httpRequest
   * and checkReachable may reach. A new one takes effect only once the coach confirms it in a
   * dialog of the main process, which the page cannot answer; `allowed` says whether it did.
   */
  allowUpstream: {
    channel: 'network:allow-upstream',
    input: z.object({ url: upstreamUrl.nullable() }),
    output: z.object({ allowed: z.boolean() }),
  },
  getSecret: {
    channel: 'secrets:get',
    input: z.object({ key: secretKeySchema }),
    output: z.string().nullable(),
  },
  setSecret: {
    channel: 'secrets:set',
    input: z.object({ key: secretKeySchema, value: z.string().max(4096).nullable() }),
    output: z.boolean(),
  },
  /** Writes an automatic backup into the backups folder, then removes the ones retention lets go. */
  writeBackup: {
    channel: 'backups:write',
    input: z.object({ kind: z.enum(backupKinds), data: backupBytes }),
    output: z.object({ file: backupFileSchema, removed: z.number().int().nonnegative() }),
  },
  listBackups: {
    channel: 'backups:list',
    input: z.undefined(),
    /** Newest first. */
    output: z.array(backupFileSchema),
  },
  readBackup: {
    channel: 'backups:read',
    input: z.object({ name: backupNameSchema }),
    output: backupBytes,
  },
  /** Writes new bytes over a backup that is there (after an erasure), keeping its name and date. */
  replaceBackup: {
    channel: 'backups:replace',
    input: z.object({ name: backupNameSchema, data: backupBytes }),
    output: backupFileSchema,
  },
  /** False where there is no folder to show (the web). */
  openBackupFolder: {
    channel: 'backups:open-folder',
    input: z.undefined(),
    output: z.boolean(),
  },
  fileDropTarget: {
    channel: 'file-drop:target',
    input: z.undefined(),
    output: fileDropTargetSchema,
  },
  /** Shows a folder dialog and remembers the folder chosen; the renderer never names a path. */
  chooseFileDropFolder: {
    channel: 'file-drop:choose-folder',
    input: z.undefined(),
    output: fileDropTargetSchema,
  },
  /** Writes a run's CSV and JSON Lines files, both or neither, under names the host makes from `week`. */
  writeFileDrop: {
    channel: 'file-drop:write',
    input: z.object({ week: fileDropWeekSchema, csv: fileDropBytes, jsonl: fileDropBytes }),
    /** `folder` is null for downloads. */
    output: z.object({ folder: z.string().nullable(), names: z.array(fileDropName).length(2) }),
  },
  /** Keeps the window out of screenshots, screen sharing and task-switcher previews; false where unsupported. */
  setContentProtection: {
    channel: 'window:content-protection',
    input: z.object({ enabled: z.boolean() }),
    output: z.boolean(),
  },
  /** The renderer says when it starts and stops holding edits not yet committed to IndexedDB. */
  setUnsavedWork: {
    channel: 'window:unsaved-work',
    /** `refused`: among the unsaved edits, one the app refused, which waiting will not save. */
    input: z.object({ unsaved: z.boolean(), refused: z.boolean() }),
    output: z.null(),
  },
  /** Whether notifications can show; with `ask`, the browser asks the coach first (web only, never on load). */
  notificationPermission: {
    channel: 'notifications:permission',
    input: z.object({ ask: z.boolean() }),
    output: z.enum(notificationPermissions),
  },
  /** Raises a notification; `shown` is false where the system cannot show one. */
  showNotification: {
    channel: 'notifications:show',
    input: z.object({
      title: z.string().min(1).max(200),
      body: z.string().max(500),
      target: notificationTargetSchema,
    }),
    output: z.object({ shown: z.boolean() }),
  },
} as const;

/** What the main process tells the renderer unasked; the preload checks each payload before passing it on. */
export const events = {
  /** The coach clicked a notification: the window is in front, and the renderer opens the target. */
  notificationClicked: { channel: 'notifications:clicked', payload: notificationTargetSchema },
} as const;

export type EventKey = keyof typeof events;
export type EventPayload<K extends EventKey> = z.output<(typeof events)[K]['payload']>;
/** Subscribes to an event; the function it returns unsubscribes. */
type Subscribe<K extends EventKey> = (listener: (payload: EventPayload<K>) => void) => () => void;

export type ChannelKey = keyof typeof channels;
export type ChannelInput<K extends ChannelKey> = z.input<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends ChannelKey> = z.output<(typeof channels)[K]['output']>;

/** What the renderer may ask of its host; implemented by the Electron preload and the web adapter. */
export type PlatformApi = {
  [K in ChannelKey]: ChannelInput<K> extends undefined
    ? () => Promise<Result<ChannelOutput<K>>>
    : (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & { [K in EventKey as `on${Capitalize<K>}`]: Subscribe<K> };

/** The name under which the preload exposes the PlatformApi on `window`. */
export const bridgeName = 'followthrough';
