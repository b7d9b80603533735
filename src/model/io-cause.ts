/** What a file-system error means, in words a user can act on ("the disk is full"). */
export function ioCause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' ? 'a parent is not a folder'
    : code === 'EROFS' ? 'read-only file system'
    : code === 'ENAMETOOLONG' ? 'a file name is too long'
    : code === 'ENOENT' ? 'a folder on the way does not exist'
    : code === 'EISDIR' ? 'it is a folder'
    : err instanceof Error ? err.message : String(err);
}
