import errno
print(errno.ENOENT, errno.EEXIST, errno.errorcode[errno.EACCES], errno.EAGAIN == errno.EWOULDBLOCK, len(errno.errorcode) > 100)
