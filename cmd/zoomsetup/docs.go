package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
	"zoomsetup/flows"
)

// docsThreshold is the share of pixels an image may differ by and still count
// as unchanged (0.01%, about 400 pixels of a 2560x1600 picture): room for a
// few anti-aliased edge pixels, far less than any changed word.
const docsThreshold = 0.0001

func docsCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "docs",
		Usage: "regenerate the setup guide (docs/guide.md and docs/images) from a run against the simulator",
		Flags: join(simFlags, runFlags, []cli.Flag{
			&cli.StringFlag{Name: "docs", Value: "docs", Usage: "folder of guide.md and images/"},
			&cli.BoolFlag{Name: "check", Usage: "change nothing; fail when the guide or an image would change"},
			&cli.Float64Flag{Name: "scale", Value: 2, Usage: "device scale factor of the pictures"},
		}),
		Action: func(c *cli.Context) error {
			docs := c.String("docs")
			pics := &a.Illustrator{Dir: filepath.Join(docs, "images"), Threshold: docsThreshold, DryRun: c.Bool("check")}
			if err := runOnSim(c, env, "docs", false, pics, c.Float64("scale")); err != nil {
				return err
			}
			changed := pics.Changed
			guide, err := flows.WriteGuide(docs, pics.Shots, c.Bool("check"))
			if err != nil {
				return err
			}
			if guide {
				changed = append(changed, "guide.md")
			}
			for _, f := range changed {
				fmt.Fprintf(env.Err, "changed: %s\n", f)
			}
			if c.Bool("check") && len(changed) > 0 {
				return a.Fail(a.KindUnexpected, "run zoomsetup docs and commit the result",
					"the committed guide is out of date: %s", strings.Join(changed, ", "))
			}
			fmt.Fprintf(env.Err, "guide: %s (%d pictures, %d changed)\n", filepath.Join(docs, "guide.md"), len(pics.Shots), len(changed))
			return nil
		},
	}
}
