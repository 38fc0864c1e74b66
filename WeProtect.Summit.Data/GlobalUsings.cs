// The namespaces most files of this project use. A namespace holding a type called like a namespace of ours
// (`WeProtect.Summit.Data.Summits`, for the `Summit` entity) stays a using inside the namespace of the file
// that needs it (see DEVELOPERS.md, "The Summit namespace-vs-type quirk").
global using Microsoft.EntityFrameworkCore;
global using System.Globalization;
global using System.Text;
global using WeProtect.Summit.Data.Desks;
