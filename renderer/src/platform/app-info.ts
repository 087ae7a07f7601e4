import type { HostApi, Out } from '@shared/ipc/contract';

const infos = new WeakMap<HostApi, Promise<Out<'app.info'> | null>>();

/**
 * What the host says of itself (`app.info`: its kind, user name, file picker…), asked once per host and shared by
 * every feature that needs a part of it; null when the host cannot tell.
 */
export function appInfo(host: HostApi): Promise<Out<'app.info'> | null> {
  let p = infos.get(host);
  if (!p) {
    p = host.invoke('app.info', {}).catch(() => null);
    infos.set(host, p);
  }
  return p;
}
