module gopyc

go 1.26
