/** The WPS JS add-in API, as much of it as the add-in uses; what older WPS versions lack is optional. */
declare const wps: {
  EtApplication(): import('./wps-host').EtApplication;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: any[]) => unknown) => unknown;
};
