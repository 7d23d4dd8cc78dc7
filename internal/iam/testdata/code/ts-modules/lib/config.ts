export const TABLE = process.env.TABLE_NAME!;
export const BUCKET: string = process.env.ARCHIVE_BUCKET ?? 'acme-archive';
