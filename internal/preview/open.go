package preview

import (
	"context"
	"os/exec"
	"runtime"
)

// openBrowser asks the system to open url in the default browser. A
// failure is only a warning: the address is printed anyway.
func openBrowser(ctx context.Context, url string, out *outputs) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.CommandContext(ctx, "open", url)
	case "windows":
		cmd = exec.CommandContext(ctx, "rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.CommandContext(ctx, "xdg-open", url)
	}
	if err := cmd.Run(); err != nil && ctx.Err() == nil {
		out.warnf("could not open a browser (%v); open %s yourself", err, url)
	}
}
