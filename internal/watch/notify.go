package watch

import (
	"errors"
	"fmt"

	"github.com/fsnotify/fsnotify"
)

// startNotify watches Root and every directory below the watched entries.
func (w *Watcher) startNotify() error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	w.fsw = fsw
	if err := w.addWatch(w.root); err != nil {
		return err
	}
	var limit error
	w.scanInto(&limit, true)
	return limit
}

func (w *Watcher) stopNotify() {
	if w.fsw != nil {
		w.fsw.Close()
		w.fsw = nil
	}
}

func (w *Watcher) addWatch(abs string) error {
	if w.opts.addErr != nil {
		if err := w.opts.addErr(abs); err != nil {
			return fmt.Errorf("watch: %s: %w", abs, err)
		}
	}
	if err := w.fsw.Add(abs); err != nil {
		return fmt.Errorf("watch: %s: %w", abs, err)
	}
	return nil
}

// events and errors are fsnotify's channels, or nil when polling.
func (w *Watcher) events() <-chan fsnotify.Event {
	if w.fsw == nil {
		return nil
	}
	return w.fsw.Events
}

func (w *Watcher) errors() <-chan error {
	if w.fsw == nil {
		return nil
	}
	return w.fsw.Errors
}

// event handles one fsnotify event by looking at the disk: events arrive
// late and out of step with each other, the disk is the truth. Only a bare
// Chmod is compared with what is known, because Linux sends one on every
// unlink and backup tools touch attributes; any other event marks the file
// even when its size and time look unchanged.
func (w *Watcher) event(ev fsnotify.Event) {
	rel, ok := w.rel(ev.Name)
	if !ok {
		return
	}
	var limit error
	w.syncInto(&limit, rel, ev.Op != fsnotify.Chmod, false)
	if limit != nil {
		w.startPolling(limit, false)
	}
}

func (w *Watcher) notifyError(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.opts.Logf("watch: too many changes at once, some were lost; rescanning")
		w.rescan = true
		var limit error
		w.scanInto(&limit, false)
		if limit != nil {
			w.startPolling(limit, false)
		}
		return
	}
	w.opts.Logf("watch: %v", err)
}
