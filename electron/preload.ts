// The bridge between the sandboxed renderer and the main process: exactly the PlatformApi of
// shared/ipc.ts, one method per channel and one subscription per event. ipcRenderer itself never
// crosses contextBridge, so a page cannot invoke a channel nor hear a message not listed here.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeName, channels, events, type PlatformApi } from '../shared/ipc';

const api = {
  appInfo: () => ipcRenderer.invoke(channels.appInfo.channel),
  saveFile: (input) => ipcRenderer.invoke(channels.saveFile.channel, input),
  showInFolder: (input) => ipcRenderer.invoke(channels.showInFolder.channel, input),
  openMailDraft: (input) => ipcRenderer.invoke(channels.openMailDraft.channel, input),
  readTemplate: (input) => ipcRenderer.invoke(channels.readTemplate.channel, input),
  networkStatus: () => ipcRenderer.invoke(channels.networkStatus.channel),
  httpRequest: (input) => ipcRenderer.invoke(channels.httpRequest.channel, input),
  checkReachable: (input) => ipcRenderer.invoke(channels.checkReachable.channel, input),
  allowUpstream: (input) => ipcRenderer.invoke(channels.allowUpstream.channel, input),
  getSecret: (input) => ipcRenderer.invoke(channels.getSecret.channel, input),
  setSecret: (input) => ipcRenderer.invoke(channels.setSecret.channel, input),
  writeBackup: (input) => ipcRenderer.invoke(channels.writeBackup.channel, input),
  listBackups: () => ipcRenderer.invoke(channels.listBackups.channel),
  readBackup: (input) => ipcRenderer.invoke(channels.readBackup.channel, input),
  replaceBackup: (input) => ipcRenderer.invoke(channels.replaceBackup.channel, input),
  openBackupFolder: () => ipcRenderer.invoke(channels.openBackupFolder.channel),
  fileDropTarget: () => ipcRenderer.invoke(channels.fileDropTarget.channel),
  chooseFileDropFolder: () => ipcRenderer.invoke(channels.chooseFileDropFolder.channel),
  writeFileDrop: (input) => ipcRenderer.invoke(channels.writeFileDrop.channel, input),
  setContentProtection: (input) => ipcRenderer.invoke(channels.setContentProtection.channel, input),
  setUnsavedWork: (input) => ipcRenderer.invoke(channels.setUnsavedWork.channel, input),
  notificationPermission: (input) => ipcRenderer.invoke(channels.notificationPermission.channel, input),
  showNotification: (input) => ipcRenderer.invoke(channels.showNotification.channel, input),
  onNotificationClicked: (listener) => {
    const { channel, payload } = events.notificationClicked;
    // Only the payload crosses over, and only when it has the declared shape.
    const relay = (_event: unknown, value: unknown) => {
      const parsed = payload.safeParse(value);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(channel, relay);
    return () => void ipcRenderer.off(channel, relay);
  },
} satisfies PlatformApi;

contextBridge.exposeInMainWorld(bridgeName, api);
