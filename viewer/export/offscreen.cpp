#include "export/offscreen.hpp"

#include "platform/gl.hpp"
#include "platform/window.hpp"

#include "boardscape/atomic_write.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>
#include <stdexcept>

namespace boardscape::viewer {

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

/// A framebuffer object with one RGBA8 colour renderbuffer, bound while alive.
class FramebufferTarget {
public:
    FramebufferTarget(int w, int h) {
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &m_previous);
        glGenFramebuffers(1, &m_fbo);
        glGenRenderbuffers(1, &m_colour);
        glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            release();
            throw std::runtime_error("offscreen framebuffer is incomplete");
        }
    }
    ~FramebufferTarget() { release(); }
    FramebufferTarget(const FramebufferTarget&) = delete;
    FramebufferTarget& operator=(const FramebufferTarget&) = delete;

private:
    void release() {
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(m_previous));
        if (m_colour) glDeleteRenderbuffers(1, &m_colour);
        if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
        m_colour = m_fbo = 0;
    }
    GLint m_previous = 0;
    GLuint m_fbo = 0;
    GLuint m_colour = 0;
};

}  // namespace

std::uint32_t Image::rgb(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0;
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    return (static_cast<std::uint32_t>(rgba[i]) << 16) | (static_cast<std::uint32_t>(rgba[i + 1]) << 8) | rgba[i + 2];
}

Image render_offscreen(App& app, const RenderOptions& opts) {
    const int w = std::max(1, opts.width), h = std::max(1, opts.height);
    ImGuiIO& io = ImGui::GetIO();
    // Park the pointer: no hover, no clicks, whatever the real mouse is doing.
    const ImVec2 saved_display = io.DisplaySize;
    const ImVec2 saved_mouse = io.MousePos;
    bool saved_down[5];
    for (int b = 0; b < 5; ++b) {
        saved_down[b] = io.MouseDown[b];
        io.MouseDown[b] = false;
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseWheel = 0;

    FramebufferTarget target(w, h);
    Image img;
    for (int f = 0; f < std::max(1, opts.frames); ++f) {
        if (app.prepare_frame(1.0f)) ImGuiBackends::reload_fonts();
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui_ImplOpenGL3_NewFrame();
        const double t0 = thread_cpu_ms();
        ImGui::NewFrame();
        app.build_frame();
        ImGui::Render();
        const double t1 = thread_cpu_ms();
        if (opts.build_ms) opts.build_ms->push_back(t1 - t0);
        if (opts.canvas_ms)
            opts.canvas_ms->push_back(app.view().view_kind == ViewKind::map ? app.map_view().stats().cpu_ms
                                                                            : app.canvas().stats().cpu_ms);
        const bool last = f + 1 >= std::max(1, opts.frames);
        if (last || opts.render_every_frame) {
            glViewport(0, 0, w, h);
            glClearColor(1, 1, 1, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
        if (last) {
            glFinish();
            img.width = w;
            img.height = h;
            img.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
        }
        app.end_frame();
    }
    // GL rows run bottom to top; images top to bottom.
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < h / 2; ++y) {
        auto* a = img.rgba.data() + static_cast<std::size_t>(y) * row;
        auto* b = img.rgba.data() + static_cast<std::size_t>(h - 1 - y) * row;
        std::copy(a, a + row, tmp.data());
        std::copy(b, b + row, a);
        std::copy(tmp.data(), tmp.data() + row, b);
    }
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // opaque PNGs
    io.DisplaySize = saved_display;
    io.MousePos = saved_mouse;
    for (int b = 0; b < 5; ++b) io.MouseDown[b] = saved_down[b];
    return img;
}

std::string write_png(const std::filesystem::path& path, const Image& img) {
    if (img.rgba.empty()) return "nothing was rendered";
    // Encoded in memory, then written by the library's one file writer: a failure says why
    // (the system's reason), and a failed or killed export never leaves half a picture.
    std::string png;
    const auto append = [](void* to, void* data, int size) {
        static_cast<std::string*>(to)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, img.width, img.height, 4, img.rgba.data(), img.width * 4))
        return "cannot encode the PNG for " + path.string();
    try {
        write_file_atomically(path, png);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(v.size()));
    const auto i = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(v.size()))) - 1;
    return v[i];
}

}  // namespace boardscape::viewer
