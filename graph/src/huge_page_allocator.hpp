// An allocator for the loader's few big buffers (the file's text, the parsed document's nodes
// and strings): blocks of 2 MiB and more are mapped on a 2 MiB boundary and marked
// MADV_HUGEPAGE, so with Debian's default transparent-huge-page setting ("madvise") the kernel
// backs them with huge pages. Loading a 20k-entity file otherwise takes ~11 000 page faults of
// 4 KiB, which on a virtual machine were 40 % of the load time. Smaller blocks, and systems where
// the kernel refuses, behave exactly like std::allocator. Under AddressSanitizer every block is a
// std::allocator one, so reads past the end of the text are still caught.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace boardscape::detail {

template <class T>
struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

#if defined(__SANITIZE_ADDRESS__)
    static constexpr bool k_enabled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    static constexpr bool k_enabled = false;
#else
    static constexpr bool k_enabled = true;
#endif
#else
    static constexpr bool k_enabled = true;
#endif
    static constexpr std::size_t huge = std::size_t{2} << 20;

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T) - huge) throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (!k_enabled || bytes < huge) return std::allocator<T>().allocate(n);
        const std::size_t size = round_up(bytes);
        // Map one huge page more than needed, keep the aligned part, return the rest.
        void* raw = ::mmap(nullptr, size + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) throw std::bad_alloc();
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = (start + huge - 1) & ~(huge - 1);
        if (aligned > start) ::munmap(raw, aligned - start);
        const std::uintptr_t end = start + size + huge;
        if (end > aligned + size) ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
#ifdef MADV_HUGEPAGE
        ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice only: may be refused
#endif
        return reinterpret_cast<T*>(aligned);
    }

    void deallocate(T* p, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (!k_enabled || bytes < huge) {
            std::allocator<T>().deallocate(p, n);
            return;
        }
        ::munmap(p, round_up(bytes));
    }

    template <class U>
    bool operator==(const HugePageAllocator<U>&) const noexcept {
        return true;
    }

private:
    static std::size_t round_up(std::size_t bytes) { return (bytes + huge - 1) & ~(huge - 1); }
};

}  // namespace boardscape::detail
