package automation

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// ConsoleLog keeps what the pages of a tab wrote to the console, for failure evidence.
type ConsoleLog struct {
	mu    sync.Mutex
	lines []string
}

// maxConsoleLines bounds the log so a chatty page cannot fill the memory.
const maxConsoleLines = 2000

// WatchConsole starts recording tab's console until tab ends.
func WatchConsole(tab context.Context) *ConsoleLog {
	c := &ConsoleLog{}
	msgs := chromedp.Console(tab)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			if len(c.lines) < maxConsoleLines {
				c.lines = append(c.lines, fmt.Sprintf("%s %s %s:%d %s", m.Time.Format("15:04:05.000"), m.Type, m.URL, m.Line+1, m))
			}
			c.mu.Unlock()
		}
	}()
	return c
}

// String returns the log, a message a line.
func (c *ConsoleLog) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.lines, "\n") + "\n"
}
