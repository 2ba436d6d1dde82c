//go:build !linux

package compileall

import "os"

// readDir lists dir (without . and ..; with dirsOnly, only its directories, not following
// symlinks).
func readDir(dir string, dirsOnly bool) ([]dirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	ents := make([]dirEntry, 0, len(des))
	for _, e := range des {
		if !dirsOnly || e.Type().IsDir() {
			ents = append(ents, dirEntry{e.Name(), e.Type()})
		}
	}
	return ents, nil
}
