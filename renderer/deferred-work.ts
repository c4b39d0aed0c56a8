// The performance mark the app sets when its deferred work begins (sync, the other screens, the
// search worker): the start-up benchmarks count the code fetched before it, and no more.
export const DEFERRED_WORK_MARK = 'followthrough:deferred-work';
