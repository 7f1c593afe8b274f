// OpenGL declarations for the viewer's own GL calls (the offscreen framebuffer). Debian's
// libglvnd libGL exports every core entry point, so prototypes are enough; no loader needed.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
