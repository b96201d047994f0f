/** Where file bytes live, by key: the local disk (the default) or an S3-compatible bucket. */
export interface ObjectStore {
  /** Stores the bytes under the key; a reader never sees a partly written object. */
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The bytes under the key; AppError NOT_FOUND when there are none. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}
