/** The WPS JS add-in API, as much of it as the add-in uses. */
declare const wps: {
  EtApplication(): import('./wps-host').EtApplication & {
    CreateTaskPane(url: string, title?: string): { ID: string; Visible: boolean };
    GetTaskPane(id: string): { Visible: boolean } | null;
  };
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata: unknown) => unknown;
};
