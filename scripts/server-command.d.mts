export declare const SERVER_NODE_ARGS: string[];
export declare function ensureServerBuilt(log?: (line: string) => void): Promise<boolean>;
