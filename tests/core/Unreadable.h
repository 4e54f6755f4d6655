#pragma once
// Files that cannot be read, for the tests, which (like CI) run as root. Root reads
// a mode-0 file through two capabilities, CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH;
// without them open() fails with EACCES for root too, which is the real error path
// a user without permission sees.
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>

namespace lm::test {

// This thread without the two read overrides while it lives (they stay permitted
// and come back in the destructor). ok() is false where they could not be dropped.
class WithoutReadOverride {
public:
    WithoutReadOverride()
    {
        header_.version = _LINUX_CAPABILITY_VERSION_3;
        header_.pid = 0;
        if (::syscall(SYS_capget, &header_, saved_) != 0)
            return;
        __user_cap_data_struct dropped[2];
        std::memcpy(dropped, saved_, sizeof dropped);
        dropped[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        ok_ = ::syscall(SYS_capset, &header_, dropped) == 0;
    }
    ~WithoutReadOverride()
    {
        if (ok_)
            ::syscall(SYS_capset, &header_, saved_);
    }
    WithoutReadOverride(const WithoutReadOverride&) = delete;
    WithoutReadOverride& operator=(const WithoutReadOverride&) = delete;
    bool ok() const { return ok_; }

private:
    __user_cap_header_struct header_{};
    __user_cap_data_struct saved_[2]{};
    bool ok_ = false;
};

// For QProcess::setChildProcessModifier: the child, and the program it runs, lose
// the two overrides for good (root's capabilities at exec come from the bounding set).
inline void dropReadOverrideInChild()
{
    ::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
    ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
}

} // namespace lm::test
