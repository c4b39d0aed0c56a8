// The one fixed origin the renderer is served from. IndexedDB is keyed by origin, so changing the
// scheme or host after a release would strand every coach's data in the old origin.
export const appScheme = 'app';
export const appHost = 'followthrough';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;
