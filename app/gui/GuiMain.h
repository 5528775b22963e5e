#pragma once

namespace workbench::app {

/// Opens the workbench window on `--db FILE`, else the last workspace, else the default one.
int runGui(int argc, char *argv[]);

} // namespace workbench::app
