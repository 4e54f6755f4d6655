#pragma once

namespace lm::cli {

int runWindows(int argc, char** argv);
int runSsm(int argc, char** argv);
int runRoll(int argc, char** argv);
int runScan(int argc, char** argv);
int runVersion(int argc, char** argv);

} // namespace lm::cli
