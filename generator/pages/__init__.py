"""What pages there are, the view each template sees, rendering, JSON-LD and the page's links."""
