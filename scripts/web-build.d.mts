export declare const ROOT: string;
export declare function webBuildReason(): 'missing' | 'stale' | null;
export declare function ensureWebBuilt(log?: (message: string) => void): boolean;
