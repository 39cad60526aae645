/* global wps */
import type { SharedStorage } from './command';
import type { EtApplication } from './wps-host';

/** The application object as an add-in page sees it; what older WPS versions lack is optional. */
export type WpsApplication = EtApplication & { PluginStorage?: SharedStorage };

/**
 * The application object: `window.Application` in current WPS (wpsjs's templates use nothing else),
 * `wps.EtApplication()` in older ones.
 */
export function application(): WpsApplication {
  return (globalThis as { Application?: WpsApplication }).Application ?? wps.EtApplication();
}

/** The storage the add-in's pages share: on the application object in current WPS, on `wps` in older ones. */
export function pluginStorage(): SharedStorage {
  return application().PluginStorage ?? wps.PluginStorage;
}
