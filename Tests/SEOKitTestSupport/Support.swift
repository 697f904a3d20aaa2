import SEOKit
