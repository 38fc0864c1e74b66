using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeProtect.Summit.Web.Pdf;

public sealed class SigningCertificateException(string message, Exception? inner = null) : Exception(message, inner);
